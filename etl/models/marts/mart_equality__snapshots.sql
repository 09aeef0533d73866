-- one row per workforce snapshot (31 March): the years the equality report can be produced for
-- snapshot_year is the calendar year of the 31 March snapshot: 2025 = FY 2024/25.
with workforce as (
    select * from core_workforce
),

final as (
    select
        year(snapshot_on)::integer as snapshot_year,
        snapshot_on::date as snapshot_on,
        any_value(fy_label)::varchar as fy_label,
        count(*)::bigint as n_staff,
        count(*) filter (where is_full_pay_relevant)::bigint as n_full_pay,
        count(*) filter (where sex in ('Male', 'Female'))::bigint as n_male_or_female
    from workforce
    group by snapshot_on
)

select * from final
