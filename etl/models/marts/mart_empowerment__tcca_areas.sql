-- one row per area per period: TCCA requests, time to fulfil (quantile_cont), volunteers, deprivation
with grid as (
    select * from core_area_periods
),

areas as (
    select * from core_areas
),

imd as (
    select * from ref_imd2019_by_cluster
),

clusters as (
    select * from ref_clusters
),

periods as (
    select * from core_periods
),

requests as (
    select * from core_tcca_requests
),

volunteers as (
    select * from core_tcca_volunteers
),

-- requests by the resident's cluster and the period they were received in
received as (
    select
        periods.period_label,
        case when grouping(requests.cluster_slug) = 1 then 'borough'
             else requests.cluster_slug end as area_slug,
        count(*) as n_requests,
        count(*) filter (where requests.is_fulfilled) as n_fulfilled,
        count(*) filter (where not requests.is_fulfilled) as n_not_fulfilled,
        count(*) filter (where requests.hours_to_fulfil <= 24) as n_within_24h,
        count(*) filter (where requests.hours_to_fulfil <= 48) as n_within_48h,
        quantile_cont(requests.hours_to_fulfil, 0.5) as p50_hours_to_fulfil,
        quantile_cont(requests.hours_to_fulfil, 0.9) as p90_hours_to_fulfil,
        count(distinct requests.volunteer_id) as n_volunteers_serving
    from requests
    join periods on requests.received_at::date between periods.period_start and periods.period_end
    group by grouping sets ((periods.period_label, requests.cluster_slug), (periods.period_label))
),

-- volunteers by home cluster: registered by the end of the period (null cluster = outside)
registered as (
    select
        periods.period_label,
        case when grouping(volunteers.cluster_slug) = 1 then 'borough'
             else volunteers.cluster_slug end as area_slug,
        count(*) filter (where volunteers.cluster_slug is not null) as n_volunteers_registered,
        count(*) filter (where volunteers.cluster_slug is null) as n_registered_outside
    from volunteers
    join periods on volunteers.registered_on <= periods.period_end
    group by grouping sets ((periods.period_label, volunteers.cluster_slug), (periods.period_label))
),

-- volunteers by home cluster who fulfilled at least one request in the period
active as (
    select
        periods.period_label,
        case when grouping(volunteers.cluster_slug) = 1 then 'borough'
             else volunteers.cluster_slug end as area_slug,
        count(distinct requests.volunteer_id) filter (where volunteers.cluster_slug is not null)
            as n_volunteers_active,
        count(distinct requests.volunteer_id) filter (where volunteers.cluster_slug is null)
            as n_active_outside
    from requests
    join volunteers using (volunteer_id)
    join periods on requests.fulfilled_at::date between periods.period_start and periods.period_end
    group by grouping sets ((periods.period_label, volunteers.cluster_slug), (periods.period_label))
),

deprivation as (
    select
        areas.area_slug,
        areas.share_pop_most_deprived_20pc,
        imd.median_imd2019_decile
    from areas
    left join clusters on clusters.cluster_slug = areas.area_slug
    left join imd on imd.cluster = clusters.cluster
),

final as (
    select
        grid.area_slug::varchar as area_slug,
        grid.area_type::varchar as area_type,
        grid.period_type::varchar as period_type,
        grid.period_label::varchar as period_label,
        grid.population::integer as population,
        grid.n_months::integer as n_months,
        coalesce(received.n_requests, 0)::bigint as n_requests,
        coalesce(received.n_fulfilled, 0)::bigint as n_fulfilled,
        coalesce(received.n_not_fulfilled, 0)::bigint as n_not_fulfilled,
        coalesce(received.n_within_24h, 0)::bigint as n_within_24h,
        coalesce(received.n_within_48h, 0)::bigint as n_within_48h,
        (100.0 * received.n_within_24h / received.n_requests)::double as share_within_24h,
        (100.0 * received.n_within_48h / received.n_requests)::double as share_within_48h,
        received.p50_hours_to_fulfil::double as p50_hours_to_fulfil,
        received.p90_hours_to_fulfil::double as p90_hours_to_fulfil,
        (coalesce(received.n_requests, 0) * 1000.0 / grid.population * 12 / grid.n_months)::double
            as requests_per_1000_a_year,
        coalesce(registered.n_volunteers_registered, 0)::bigint as n_volunteers_registered,
        (case when grid.area_type = 'borough'
              then coalesce(registered.n_registered_outside, 0) end)::bigint
            as n_registered_outside,
        coalesce(active.n_volunteers_active, 0)::bigint as n_volunteers_active,
        (case when grid.area_type = 'borough'
              then coalesce(active.n_active_outside, 0) end)::bigint as n_active_outside,
        (coalesce(registered.n_volunteers_registered, 0) * 1000.0 / grid.population)::double
            as volunteers_registered_per_1000,
        (coalesce(active.n_volunteers_active, 0) * 1000.0 / grid.population)::double
            as volunteers_active_per_1000,
        coalesce(received.n_volunteers_serving, 0)::bigint as n_volunteers_serving,
        (received.n_requests * 1.0 / nullif(received.n_volunteers_serving, 0))::double
            as requests_per_serving_volunteer,
        (100.0 * deprivation.share_pop_most_deprived_20pc)::double as pct_pop_most_deprived_20pc,
        deprivation.median_imd2019_decile::double as median_imd2019_decile
    from grid
    left join received using (area_slug, period_label)
    left join registered using (area_slug, period_label)
    left join active using (area_slug, period_label)
    left join deprivation using (area_slug)
)

select * from final
