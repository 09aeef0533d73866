-- reporting periods that have at least one metric value, newest first within type
select period_type, period_label, fy_label, quarter, period_start, period_end
from core_periods
where period_label in (select distinct period_label from metric_values)
order by period_type, period_start desc
