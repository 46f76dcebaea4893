-- an FAQ entry is reworded or corrected by the district's supervisors; the page says who did it last
alter table helpdesk_faq add column updated_by varchar(64);
alter table helpdesk_faq add column updated_at timestamp;
