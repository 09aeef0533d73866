-- one row per snapshot per pay gap dimension per comparison group: mean and median hourly and bonus gaps
--
-- Following the Department for Business and Trade "Ethnicity pay gap reporting: guidance for
-- employers" (April 2023): full-pay relevant employees (as for the gender pay gap), hourly rate of
-- ordinary pay at the 31 March snapshot; gap = (reference - group) / reference x 100, where
-- the reference group is White British ("White: English, Welsh, Scottish, Northern Irish or
-- British") and the headline comparison is all ethnic minorities combined (every other disclosed
-- group, including White minorities), then each ethnic group where publishable. Staff who did
-- not disclose (blank or "Prefer not to say") are excluded from the gaps but counted
-- (n_undisclosed). The disability pay gap follows the same method: non-disabled (reference) vs
-- disabled. The gender gap is repeated here (men reference) so trends can be read in one place.
--
-- Bonus measures, as the gender pay gap regulations define them and the 2023 guidance applies
-- them to ethnicity (the same for disability and sex), against the same reference group:
--   mean / median bonus gap: ALL relevant employees in the group (full-pay or not) paid bonus
--     pay in the 12 months to the snapshot; (reference - group) / reference x 100 among them;
--   reference_bonus_percent / comparison_bonus_percent: those paid a bonus as % of all relevant
--     employees in the group.
-- n_*_relevant and n_*_bonus are the people those figures rest on (for disclosure control; not
-- published). The quartile measure is mart_equality__group_pay_quartiles.
with everyone as (
    select * from core_workforce
),

all_classified as (
    select
        snapshot_on,
        hourly_pay_gbp,
        is_full_pay_relevant,
        is_bonus_paid,
        bonus_paid_12m_gbp,
        dims.dimension,
        dims.reference_group,
        dims.member_group,
        dims.detail_group
    from everyone
    cross join lateral (
        values
            (
                'ethnicity',
                'White British',
                case
                    when ethnic_group in ('Not disclosed', 'Prefer not to say') then null
                    when ethnic_group like 'White: English%' then 'White British'
                    else 'All ethnic minorities'
                end,
                case
                    when ethnic_group in ('Not disclosed', 'Prefer not to say') then null
                    when ethnic_group like 'White: English%' then 'White British'
                    else ethnic_group
                end
            ),
            (
                'disability',
                'Not disabled',
                case disability when 'Yes' then 'Disabled' when 'No' then 'Not disabled' end,
                case disability when 'Yes' then 'Disabled' when 'No' then 'Not disabled' end
            ),
            (
                'sex',
                'Men',
                case sex when 'Male' then 'Men' when 'Female' then 'Women' end,
                case sex when 'Male' then 'Men' when 'Female' then 'Women' end
            )
    ) as dims(dimension, reference_group, member_group, detail_group)
),

classified as (
    select * from all_classified
    where is_full_pay_relevant
),

-- bonus figures rest on every relevant employee of a group, full-pay or not
bonus_members as (
    select snapshot_on, dimension, member_group as bonus_group, is_bonus_paid, bonus_paid_12m_gbp
    from all_classified
    where member_group is not null
    union all
    select snapshot_on, dimension, detail_group, is_bonus_paid, bonus_paid_12m_gbp
    from all_classified
    where dimension = 'ethnicity' and detail_group is not null and member_group <> reference_group
),

bonus as (
    select
        snapshot_on,
        dimension,
        bonus_group,
        count(*) as n_relevant,
        count(*) filter (where is_bonus_paid) as n_bonus,
        avg(bonus_paid_12m_gbp) filter (where is_bonus_paid) as mean_bonus,
        median(bonus_paid_12m_gbp) filter (where is_bonus_paid) as median_bonus
    from bonus_members
    group by snapshot_on, dimension, bonus_group
),

undisclosed as (
    select snapshot_on, dimension, count(*) filter (where member_group is null) as n_undisclosed
    from classified
    group by snapshot_on, dimension
),

reference as (
    select
        snapshot_on,
        dimension,
        count(*) as n_reference,
        avg(hourly_pay_gbp) as mean_reference,
        median(hourly_pay_gbp) as median_reference
    from classified
    where member_group = reference_group
    group by snapshot_on, dimension
),

headline_groups as (
    select
        snapshot_on,
        dimension,
        member_group as comparison_group,
        true as is_headline,
        count(*) as n_comparison,
        avg(hourly_pay_gbp) as mean_comparison,
        median(hourly_pay_gbp) as median_comparison
    from classified
    where member_group is not null and member_group <> reference_group
    group by snapshot_on, dimension, member_group
),

detail_groups as (
    select
        snapshot_on,
        dimension,
        detail_group as comparison_group,
        false as is_headline,
        count(*) as n_comparison,
        avg(hourly_pay_gbp) as mean_comparison,
        median(hourly_pay_gbp) as median_comparison
    from classified
    where dimension = 'ethnicity' and detail_group is not null and member_group <> reference_group
    group by snapshot_on, dimension, detail_group
),

groups as (
    select * from headline_groups
    union all
    select * from detail_groups
),

dimensions as (
    select distinct snapshot_on, dimension, reference_group from classified
),

final as (
    select
        year(groups.snapshot_on)::integer as snapshot_year,
        groups.snapshot_on::date as snapshot_on,
        groups.dimension::varchar as dimension,
        dimensions.reference_group::varchar as reference_group,
        groups.comparison_group::varchar as comparison_group,
        groups.is_headline::boolean as is_headline,
        coalesce(reference.n_reference, 0)::bigint as n_reference,
        groups.n_comparison::bigint as n_comparison,
        undisclosed.n_undisclosed::bigint as n_undisclosed,
        reference.mean_reference::double as mean_reference_gbp,
        groups.mean_comparison::double as mean_comparison_gbp,
        reference.median_reference::double as median_reference_gbp,
        groups.median_comparison::double as median_comparison_gbp,
        (100.0 * (reference.mean_reference - groups.mean_comparison)
            / nullif(reference.mean_reference, 0))::double as mean_gap_percent,
        (100.0 * (reference.median_reference - groups.median_comparison)
            / nullif(reference.median_reference, 0))::double as median_gap_percent,
        coalesce(ref_bonus.n_relevant, 0)::bigint as n_reference_relevant,
        coalesce(cmp_bonus.n_relevant, 0)::bigint as n_comparison_relevant,
        coalesce(ref_bonus.n_bonus, 0)::bigint as n_reference_bonus,
        coalesce(cmp_bonus.n_bonus, 0)::bigint as n_comparison_bonus,
        (100.0 * (ref_bonus.mean_bonus - cmp_bonus.mean_bonus)
            / nullif(ref_bonus.mean_bonus, 0))::double as mean_bonus_gap_percent,
        (100.0 * (ref_bonus.median_bonus - cmp_bonus.median_bonus)
            / nullif(ref_bonus.median_bonus, 0))::double as median_bonus_gap_percent,
        (100.0 * ref_bonus.n_bonus / nullif(ref_bonus.n_relevant, 0))::double
            as reference_bonus_percent,
        (100.0 * cmp_bonus.n_bonus / nullif(cmp_bonus.n_relevant, 0))::double
            as comparison_bonus_percent
    from groups
    join dimensions using (snapshot_on, dimension)
    left join reference using (snapshot_on, dimension)
    left join undisclosed using (snapshot_on, dimension)
    left join bonus as ref_bonus
        on ref_bonus.snapshot_on = groups.snapshot_on
        and ref_bonus.dimension = groups.dimension
        and ref_bonus.bonus_group = dimensions.reference_group
    left join bonus as cmp_bonus
        on cmp_bonus.snapshot_on = groups.snapshot_on
        and cmp_bonus.dimension = groups.dimension
        and cmp_bonus.bonus_group = groups.comparison_group
)

select * from final
