-- one row per area per period per breakdown (need, referral source, outcome) per category, zeros kept
with grid as (
    select * from core_area_periods
),

periods as (
    select * from core_periods
),

requests as (
    select * from core_tcca_requests
),

-- every category the TCCA contract accepts, in display order
categories as (
    select * from (values
        ('need', 'shopping', 1), ('need', 'prescription', 2), ('need', 'food_parcel', 3),
        ('need', 'befriending', 4), ('need', 'other', 5),
        ('referral_source', 'self', 1), ('referral_source', 'family_or_friend', 2),
        ('referral_source', 'gp_or_nhs', 3), ('referral_source', 'council', 4),
        ('referral_source', 'voluntary_sector', 5), ('referral_source', 'shielding_list', 6),
        ('referral_source', 'other', 7),
        ('outcome', 'fulfilled', 1), ('outcome', 'referred_on', 2),
        ('outcome', 'no_longer_needed', 3), ('outcome', 'unable_to_contact', 4),
        ('outcome', 'open', 5)
    ) as t (breakdown, category, category_order)
),

long as (
    select request_id, received_at, cluster_slug, 'need' as breakdown, need as category
    from requests
    union all
    select request_id, received_at, cluster_slug, 'referral_source', referral_source
    from requests
    union all
    select request_id, received_at, cluster_slug, 'outcome', outcome
    from requests
),

counted as (
    select
        periods.period_label,
        long.breakdown,
        long.category,
        case when grouping(long.cluster_slug) = 1 then 'borough'
             else long.cluster_slug end as area_slug,
        count(*) as n_requests
    from long
    join periods on long.received_at::date between periods.period_start and periods.period_end
    group by grouping sets (
        (periods.period_label, long.breakdown, long.category, long.cluster_slug),
        (periods.period_label, long.breakdown, long.category)
    )
),

final as (
    select
        grid.area_slug::varchar as area_slug,
        grid.area_type::varchar as area_type,
        grid.period_type::varchar as period_type,
        grid.period_label::varchar as period_label,
        categories.breakdown::varchar as breakdown,
        categories.category::varchar as category,
        categories.category_order::integer as category_order,
        coalesce(counted.n_requests, 0)::bigint as n_requests
    from grid
    cross join categories
    left join counted using (area_slug, period_label, breakdown, category)
)

select * from final
