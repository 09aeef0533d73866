-- one row per area per period: volunteers living there who fulfilled a request, per 1,000 residents
with requests as (
    select * from core_tcca_requests where is_fulfilled and volunteer_id is not null
),

volunteers as (
    select * from core_tcca_volunteers where cluster_slug is not null
),

periods as (
    select * from core_periods
),

grid as (
    select * from core_area_periods
),

counted as (
    select
        periods.period_label,
        case when grouping(volunteers.cluster_slug) = 1 then 'borough'
             else volunteers.cluster_slug end as area_slug,
        count(distinct requests.volunteer_id) as n_volunteers
    from requests
    join volunteers using (volunteer_id)
    join periods on requests.fulfilled_at::date between periods.period_start and periods.period_end
    group by grouping sets ((periods.period_label, volunteers.cluster_slug), (periods.period_label))
),

final as (
    select
        'emp_active_volunteers_per_1000'::varchar as metric_id,
        grid.area_slug::varchar as area_slug,
        grid.period_type::varchar as period_type,
        grid.period_label::varchar as period_label,
        (coalesce(counted.n_volunteers, 0) * 1000.0 / grid.population)::double as value,
        coalesce(counted.n_volunteers, 0)::double as numerator,
        grid.population::double as denominator
    from grid
    left join counted using (area_slug, period_label)
)

select * from final
