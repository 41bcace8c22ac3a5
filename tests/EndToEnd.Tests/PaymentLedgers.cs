using DaprShop.Testing;

namespace DaprShop.EndToEnd.Tests;

/// <summary>Payment's ledger of an order, read as ordering reads it: through ordering's sidecar (payment admits only ordering).</summary>
internal static class PaymentLedgers
{
    /// <summary>200 with the <c>PaymentView</c>, 404 when payment has no ledger for the order, 5xx while payment does not answer.</summary>
    public static async Task<HttpResponseMessage> GetAsync(ShopRun run, Guid orderId)
    {
        using var sidecar = run.SidecarClient(run.Apps.Single(app => app.AppId == "ordering"));
        return await sidecar.GetAsync($"/v1.0/invoke/payment/method/internal/payments/{orderId}");
    }
}
