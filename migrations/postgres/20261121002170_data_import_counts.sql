-- The contact CSV import's report. Chatwoot keeps only processed/total counts; OneChat also
-- tells how many rows created, updated and rejected a contact, and the uploaded file's name.
-- The counts are written with each batch of rows, in the batch's transaction, so an import
-- stopped by a restart resumes after the last committed batch with the right totals.
alter table data_imports add column created_records bigint not null default 0;
alter table data_imports add column updated_records bigint not null default 0;
alter table data_imports add column rejected_records bigint not null default 0;
alter table data_imports add column file_name text;
-- The runner looks for imports to start or resume.
create index data_imports_status_idx on data_imports (status);
