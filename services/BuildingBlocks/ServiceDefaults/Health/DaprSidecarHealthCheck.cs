using DaprShop.Dapr;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DaprShop.ServiceDefaults.Health;

/// <summary>Readiness: the sidecar's building-block APIs answer (<c>/v1.0/healthz/outbound</c>).</summary>
/// <remarks>Outbound rather than full health: daprd's full health waits for this very app, which would deadlock start-up.</remarks>
internal sealed class DaprSidecarHealthCheck(DaprClient daprClient) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await daprClient.CheckOutboundHealthAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The Dapr sidecar at {daprClient.HttpEndpoint} is not ready.");
}
