-- contributions by tool in one area, every period of one type (for the trend)
select period_label, period_start, tool, tool_name, tool_order, n_contributions
from mart_engagement__tools
where area_slug = $area and period_type = $period_type
order by period_start, tool_order
