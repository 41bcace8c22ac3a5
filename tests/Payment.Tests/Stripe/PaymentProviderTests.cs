using DaprShop.Dapr;
using DaprShop.Payment.Provider;
using DaprShop.Payment.Simulated;
using DaprShop.Payment.Stripe;
using DaprShop.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DaprShop.Payment.Tests.Stripe;

/// <summary>The provider comes from the secret store: here a stand-in sidecar answering the secrets API, and a fake Stripe.</summary>
public sealed class PaymentProviderTests : IAsyncLifetime
{
    private readonly Dictionary<string, string> _secrets = new() { [PaymentSecrets.StripeApiKey] = "sk_test_from_the_store" };
    private LoopbackApp _sidecar = null!;
    private FakeStripeServer _stripe = null!;
    private DaprClient _dapr = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await LoopbackApp.StartAsync(_ => { }, app => app.MapGet("/v1.0/secrets/secretstore/{name}", (string name) =>
            _secrets.TryGetValue(name, out var value)
                ? Results.Json(new Dictionary<string, string> { [name] = value })
                : Results.Json(new { errorCode = "ERR_SECRET_GET", message = "no such secret" }, statusCode: 500)));
        _stripe = await FakeStripeServer.StartAsync();
        _dapr = new DaprClientBuilder().UseHttpEndpoint(_sidecar.BaseAddress.ToString().TrimEnd('/')).Build();
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _dapr.Dispose();
        await _stripe.DisposeAsync();
        await _sidecar.DisposeAsync();
    }

    [Fact]
    public async Task Simulated_is_the_in_process_simulator()
    {
        _secrets[PaymentSecrets.Provider] = PaymentProvider.Simulated;
        var (provider, simulated) = CreateProvider();

        Assert.Same(simulated, await provider.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Stripe_calls_the_configured_api_with_the_key_from_the_secret_store()
    {
        _secrets[PaymentSecrets.Provider] = PaymentProvider.Stripe;
        _stripe.Answer(new FakeStripeServer.ScriptedResponse(200, """{"id":"pi_1","amount":100,"currency":"eur","status":"succeeded"}"""));
        var (provider, _) = CreateProvider();

        var client = await provider.GetAsync(CancellationToken.None);
        await client.PaymentIntents.GetAsync("pi_1");

        Assert.IsType<StripeHttpClient>(client);
        Assert.Equal("Bearer sk_test_from_the_store", Assert.Single(_stripe.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task Another_value_is_refused()
    {
        _secrets[PaymentSecrets.Provider] = "paypal";
        var (provider, _) = CreateProvider();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetAsync(CancellationToken.None));
        Assert.Contains("paypal", exception.Message);
    }

    private (PaymentProvider Provider, SimulatedStripe Simulated) CreateProvider()
    {
        var secrets = new PaymentSecrets(_dapr);
        var outbox = new SimulatedWebhookOutbox(_dapr);
        var simulated = new SimulatedStripe(
            _dapr, outbox, new SimulatedWebhookDelivery(_dapr, outbox, secrets, TimeProvider.System, NullLogger<SimulatedWebhookDelivery>.Instance), TimeProvider.System);
        var provider = new PaymentProvider(
            secrets, _services.GetRequiredService<IHttpClientFactory>(), Options.Create(new StripeClientOptions { BaseUrl = _stripe.BaseAddress }),
            simulated, NullLoggerFactory.Instance);
        return (provider, simulated);
    }
}
