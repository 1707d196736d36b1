-- Contact search (GET /contacts/search) matches name, email, phone number, identifier and the
-- company name in additional_attributes. The first four have trigram indexes since the
-- contacts migration; this adds the company name, so every branch of the search's OR can use
-- an index and PostgreSQL combines them instead of scanning the table.
create index contacts_company_name_trgm_idx on contacts
    using gin ((additional_attributes ->> 'company_name') gin_trgm_ops);
