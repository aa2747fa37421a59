create table notes (
  id   uuid primary key,
  key  uuid not null,
  text text not null
);
