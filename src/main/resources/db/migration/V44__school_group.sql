-- School groups (กลุ่มโรงเรียน / สหวิทยาเขต, issue 14 §4): a group's committee is a committee of kind GROUP
-- tied to its cluster; its members are the directors of the cluster's schools, with an elected chair
-- (CHAIR) and vice-chair (VICE_CHAIR). One group committee per cluster.
alter table committee add column cluster_code varchar(20);
create unique index committee_cluster on committee (cluster_code);
