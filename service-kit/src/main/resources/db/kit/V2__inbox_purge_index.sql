-- The inbox janitor deletes processed ids by age; without this index each purge would scan the whole table.
create index inbox_processed_at on inbox (processed_at);
