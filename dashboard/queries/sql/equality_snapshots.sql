-- the workforce snapshots the equality report can be produced for, newest first
select * from mart_equality__snapshots order by snapshot_year desc
