-- Documents owned by a district (guidance, committee orders, the district's reports): a document row has
-- either a school or a district. The school's unique key ignores district rows (their school_code is null).
alter table document alter column school_code drop not null;
alter table document add column district_code varchar(10);
alter table document add constraint document_district_fk foreign key (district_code) references district (code);
alter table document add constraint document_district_slot_uk unique (district_code, academic_year, slot);
alter table document add constraint document_owner_ck
  check ((school_code is null and district_code is not null) or (school_code is not null and district_code is null));
