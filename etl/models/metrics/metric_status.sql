-- one row per metric per area per period: value against target (RAG) and direction of travel
with vals as (
    select * from metric_values
),

catalogue as (
    select * from ref_metric_catalogue
),

periods as (
    select * from core_periods
),

with_previous as (
    select
        vals.*,
        periods.period_start,
        periods.previous_period_label,
        previous.value as previous_value
    from vals
    join periods using (period_label)
    left join vals as previous
        on previous.metric_id = vals.metric_id
        and previous.area_slug = vals.area_slug
        and previous.period_label = periods.previous_period_label
),

rated as (
    select
        with_previous.*,
        catalogue.theme,
        catalogue.polarity,
        catalogue.target,
        case
            when catalogue.polarity = 'neutral' or catalogue.target is null
                or not list_contains(string_split(catalogue.rag_period_types, ','), period_type)
                then 'not_rated'
            when catalogue.polarity = 'up' and value >= catalogue.target then 'on_track'
            when catalogue.polarity = 'up'
                and value >= catalogue.target - abs(catalogue.target) * catalogue.amber_tolerance
                then 'at_risk'
            when catalogue.polarity = 'up' then 'off_track'
            when value <= catalogue.target then 'on_track'
            when value <= catalogue.target + abs(catalogue.target) * catalogue.amber_tolerance
                then 'at_risk'
            else 'off_track'
        end as rag,
        case
            when previous_value is null then 'no_previous'
            when value = previous_value then 'no_change'
            when catalogue.polarity = 'neutral' and value > previous_value then 'up'
            when catalogue.polarity = 'neutral' then 'down'
            when (value > previous_value) = (catalogue.polarity = 'up') then 'improving'
            else 'worsening'
        end as direction
    from with_previous
    join catalogue using (metric_id)
),

final as (
    select
        metric_id::varchar as metric_id,
        theme::varchar as theme,
        area_slug::varchar as area_slug,
        period_type::varchar as period_type,
        period_label::varchar as period_label,
        period_start::date as period_start,
        value::double as value,
        numerator::double as numerator,
        denominator::double as denominator,
        base_n::bigint as base_n,
        target::double as target,
        rag::varchar as rag,
        previous_period_label::varchar as previous_period_label,
        previous_value::double as previous_value,
        direction::varchar as direction
    from rated
)

select * from final order by metric_id, area_slug, period_type, period_start
