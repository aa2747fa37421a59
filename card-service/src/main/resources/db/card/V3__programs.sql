-- Every cardholder and card belongs to a card program (iam.programs, migrated before this schema): an API client sees
-- and changes only its own program's, of its own mode. A card belongs to its cardholder's program.
--
-- Rows written before programs existed go to the default program. It is made here, once, whether or not there are
-- such rows, because the bootstrapped operator belongs to it too; its id is Programs.DEFAULT in the code.

insert into iam.programs (id, name, created_at)
values ('00000000-0000-0000-0000-000000000000', 'default', now())
on conflict (id) do nothing;

alter table cardholders add column program_id uuid references iam.programs (id);
update cardholders set program_id = '00000000-0000-0000-0000-000000000000';
alter table cardholders alter column program_id set not null;

-- Lookups are by id (the primary key) with the program as a filter, so no index leads with program_id. This pair
-- is unique only so that cards can refer to it, below.
alter table cardholders add constraint cardholders_id_program unique (id, program_id);

alter table cards add column program_id uuid references iam.programs (id);
update cards set program_id = '00000000-0000-0000-0000-000000000000';
alter table cards alter column program_id set not null;

-- A card's program is its cardholder's, and the database holds to it.
alter table cards add constraint cards_cardholder_program
  foreign key (cardholder_id, program_id) references cardholders (id, program_id);
