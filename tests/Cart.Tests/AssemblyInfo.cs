// The integration fixtures start sidecars under the fixed app ids cart, catalog, inventory, identity and gateway, as
// service invocation addresses them; sidecars of one process find each other by app id, so two fixtures must never
// be alive at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
