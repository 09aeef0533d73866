-- community hubs, five in libraries
select hub_id, hub_name, cluster_slug, in_library, library_name from ref_hubs order by hub_name
