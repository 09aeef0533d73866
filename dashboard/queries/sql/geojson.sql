-- a boundary layer's GeoJSON text
select geojson from ref_geo where layer = $layer
