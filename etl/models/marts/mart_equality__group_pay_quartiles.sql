-- one row per snapshot per pay gap dimension (ethnicity, disability) per quartile pay band
--
-- The pay quartile measure of the Department for Business and Trade "Ethnicity pay gap
-- reporting: guidance for employers" (April 2023), applied to disability too: full-pay relevant
-- employees who disclosed, ranked by hourly rate of ordinary pay and split into four bands
-- exactly as mart_equality__pay_quartiles does for men and women (ntile(4): a remainder goes to
-- the lowest bands first; people on one rate straddling a boundary are interleaved in
-- proportion to their group, equal positions ordered by pseudonymised id), with the reference
-- group (White British; not disabled) and the headline comparison group (all ethnic
-- minorities; disabled) in place of men and women. Staff who did not disclose are not ranked,
-- as they are left out of the gaps (mart_equality__pay_gaps).
with workforce as (
    select * from core_workforce
    where is_full_pay_relevant
),

classified as (
    select
        workforce.snapshot_on,
        workforce.employee_id,
        workforce.hourly_pay_gbp,
        dims.dimension,
        dims.reference_group,
        dims.comparison_group,
        dims.member_group
    from workforce
    cross join lateral (
        values
            (
                'ethnicity',
                'White British',
                'All ethnic minorities',
                case
                    when ethnic_group in ('Not disclosed', 'Prefer not to say') then null
                    when ethnic_group like 'White: English%' then 'White British'
                    else 'All ethnic minorities'
                end
            ),
            (
                'disability',
                'Not disabled',
                'Disabled',
                case disability when 'Yes' then 'Disabled' when 'No' then 'Not disabled' end
            )
    ) as dims(dimension, reference_group, comparison_group, member_group)
),

ranked as (
    select * from classified
    where member_group is not null
),

placed as (
    select
        *,
        (
            row_number() over (
                partition by snapshot_on, dimension, hourly_pay_gbp, member_group
                order by employee_id
            ) - 0.5
        ) / count(*) over (
            partition by snapshot_on, dimension, hourly_pay_gbp, member_group
        ) as position_in_rate
    from ranked
),

banded as (
    select
        *,
        ntile(4) over (
            partition by snapshot_on, dimension
            order by hourly_pay_gbp, position_in_rate, employee_id
        ) as quartile
    from placed
),

final as (
    select
        year(snapshot_on)::integer as snapshot_year,
        snapshot_on::date as snapshot_on,
        dimension::varchar as dimension,
        reference_group::varchar as reference_group,
        comparison_group::varchar as comparison_group,
        quartile::integer as quartile,
        (['Lower', 'LowerMiddle', 'UpperMiddle', 'Top'])[quartile]::varchar as quartile_name,
        count(*)::bigint as n_in_band,
        count(*) filter (where member_group = reference_group)::bigint as n_reference,
        count(*) filter (where member_group = comparison_group)::bigint as n_comparison,
        (100.0 * count(*) filter (where member_group = reference_group) / count(*))::double
            as reference_percent,
        (100.0 * count(*) filter (where member_group = comparison_group) / count(*))::double
            as comparison_percent
    from banded
    group by snapshot_on, dimension, reference_group, comparison_group, quartile
)

select * from final
