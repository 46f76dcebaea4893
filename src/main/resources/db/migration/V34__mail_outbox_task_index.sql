-- The reminder scan asks, once per page of open tasks, which mails the outbox already holds for
-- those tasks (instead of one lookup per task, level and recipient): that reads by task_id.
create index mail_outbox_task on mail_outbox (task_id);
