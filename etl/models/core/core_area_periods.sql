-- one row per area per period: the grid every metric is reported on, so zeros are not lost
with areas as (
    select * from core_areas
),

periods as (
    select * from core_periods
),

final as (
    select
        areas.area_slug,
        areas.area_type,
        areas.population,
        areas.population_16_plus,
        periods.period_type,
        periods.period_label,
        periods.period_start,
        periods.period_end,
        periods.n_months
    from areas
    cross join periods
)

select * from final
