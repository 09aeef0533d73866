-- the metric catalogue, in catalogue order
select * from ref_metric_catalogue order by sort_order
