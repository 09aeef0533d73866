-- the most recent successful ETL run
select run_id, finished_at, n_files, rows_read, rows_rejected
from etl_runs
where status = 'succeeded'
order by finished_at desc
limit 1
