using System.Net;
using DaprShop.Actors.Tests.Infrastructure;

namespace DaprShop.Actors.Tests;

/// <summary>Proxies against a recorder in the sidecar's place: what they send and how they read answers and failures.</summary>
public sealed class ActorProxyTests : IAsyncLifetime
{
    private SidecarRecorder _sidecar = null!;
    private ActorProxyFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await SidecarRecorder.StartAsync();
        _factory = new ActorProxyFactory(new ActorProxyOptions { HttpEndpoint = _sidecar.BaseAddress.ToString(), DaprApiToken = "dapr-token" });
    }

    public async Task DisposeAsync() => await _sidecar.DisposeAsync();

    [Fact]
    public async Task A_typed_call_puts_the_json_argument_and_reads_the_json_result()
    {
        _sidecar.MethodResponder = _ => (200, "12");

        var result = await _factory.CreateActorProxy<ICounterActor>(new ActorId("a b"), "counter").IncrementAsync(new Amount(5));

        Assert.Equal(12, result);
        var call = Assert.Single(_sidecar.Requests);
        Assert.Equal(("PUT", "/v1.0/actors/counter/a b/method/IncrementAsync", """{"value":5}"""), (call.Method, call.Path, call.Body));
        Assert.Equal("dapr-token", call.Headers["dapr-api-token"]);
        Assert.False(call.Headers.ContainsKey("Dapr-Reentrancy-Id"));
    }

    [Fact]
    public async Task A_method_without_argument_sends_no_body()
    {
        _sidecar.MethodResponder = _ => (200, "3");

        Assert.Equal(3, await _factory.CreateActorProxy<ICounterActor>(new ActorId("a"), "counter").GetAsync(CancellationToken.None));
        Assert.Equal("", Assert.Single(_sidecar.Requests).Body);
    }

    [Fact]
    public async Task The_untyped_proxy_speaks_the_same_protocol()
    {
        _sidecar.MethodResponder = request => (200, request.Body);
        var proxy = _factory.Create(new ActorId("a"), "counter");

        Assert.Equal(new Amount(2), await proxy.InvokeMethodAsync<Amount, Amount>("Echo", new Amount(2)));
        await proxy.InvokeMethodAsync("Ping");
        Assert.Equal(["/v1.0/actors/counter/a/method/Echo", "/v1.0/actors/counter/a/method/Ping"], _sidecar.Requests.Select(request => request.Path));
    }

    [Fact]
    public async Task A_failure_wrapped_by_the_sidecar_carries_the_remote_exception()
    {
        _sidecar.MethodResponder = _ => (500,
            """{"errorCode":"ERR_ACTOR_INVOKE_METHOD","message":"error from actor service: (500) {\"exceptionType\":\"System.InvalidOperationException\",\"message\":\"counter refuses\"}"}""");

        var exception = await Assert.ThrowsAsync<ActorMethodInvocationException>(
            () => _factory.CreateActorProxy<ICounterActor>(new ActorId("a"), "counter").FailAfterWritingAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Equal("ERR_ACTOR_INVOKE_METHOD", exception.ErrorCode);
        Assert.Equal("System.InvalidOperationException", exception.RemoteExceptionType);
        Assert.Equal("counter refuses", exception.RemoteMessage);
        Assert.Equal(("counter", "a", "FailAfterWritingAsync"), (exception.ActorType, exception.ActorId, exception.MethodName));
    }

    [Fact]
    public async Task A_failure_answered_directly_by_the_actor_host_carries_the_remote_exception()
    {
        _sidecar.MethodResponder = _ => (500, """{"exceptionType":"System.TimeoutException","message":"slow"}""");

        var exception = await Assert.ThrowsAsync<ActorMethodInvocationException>(
            () => _factory.Create(new ActorId("a"), "counter").InvokeMethodAsync("Any"));

        Assert.Null(exception.ErrorCode);
        Assert.Equal(("System.TimeoutException", "slow"), (exception.RemoteExceptionType, exception.RemoteMessage));
    }

    [Fact]
    public async Task A_sidecar_error_without_an_actor_exception_still_throws_the_typed_exception()
    {
        _sidecar.MethodResponder = _ => (500, """{"errorCode":"ERR_ACTOR_RUNTIME_NOT_FOUND","message":"actors: state store does not exist"}""");

        var exception = await Assert.ThrowsAsync<ActorMethodInvocationException>(
            () => _factory.Create(new ActorId("a"), "counter").InvokeMethodAsync("Any"));

        Assert.Equal("ERR_ACTOR_RUNTIME_NOT_FOUND", exception.ErrorCode);
        Assert.Null(exception.RemoteExceptionType);
        Assert.Contains("state store does not exist", exception.Message);
    }

    [Fact]
    public void Proxies_refuse_interfaces_the_protocol_cannot_carry() =>
        Assert.Throws<ArgumentException>(() => _factory.CreateActorProxy<ActorMethodShapeTests.IOverloaded>(new ActorId("a"), "x"));
}
