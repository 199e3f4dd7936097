-- Live roll-ups read one element × period range of the key for every unit (ADR 0015). Values arrive unit by
-- unit, so the rows of one element and period lie on as many heap pages as there are units (3,321 page reads
-- for a national figure). Carrying value_num in the primary key makes the roll-up an index-only scan.
alter table data_value drop constraint data_value_pkey;
alter table data_value add constraint data_value_pkey primary key (data_element_id, period, org_unit_id) include (value_num);
