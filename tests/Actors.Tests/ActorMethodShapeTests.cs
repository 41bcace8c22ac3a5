namespace DaprShop.Actors.Tests;

public sealed class ActorMethodShapeTests
{
    public interface IValid : IActor
    {
        Task NoArgumentAsync();

        Task<int> OneArgumentAsync(string text);

        Task<string> ArgumentAndTokenAsync(CancellationToken cancellationToken, int number);

        Task TokenOnlyAsync(CancellationToken cancellationToken);
    }

    public interface IDerived : IValid
    {
        Task ExtraAsync();
    }

    public interface ITwoArguments : IActor
    {
        Task AddAsync(int left, int right);
    }

    public interface INotTask : IActor
    {
        int Get();
    }

    public interface IOverloaded : IActor
    {
        Task SetAsync(int value);

        Task SetAsync(string value);
    }

    [Fact]
    public void Finds_methods_by_name_with_their_argument_token_and_result()
    {
        var shapes = ActorMethodShape.ForInterfaces([typeof(IDerived), .. typeof(IDerived).GetInterfaces()]);

        Assert.Equal(["ArgumentAndTokenAsync", "ExtraAsync", "NoArgumentAsync", "OneArgumentAsync", "TokenOnlyAsync"], shapes.Keys.Order());
        Assert.Null(shapes["NoArgumentAsync"].ArgumentType);
        Assert.Null(shapes["NoArgumentAsync"].ResultType);
        Assert.Equal(typeof(string), shapes["OneArgumentAsync"].ArgumentType);
        Assert.Equal(typeof(int), shapes["OneArgumentAsync"].ResultType);
        Assert.Equal(1, shapes["ArgumentAndTokenAsync"].ArgumentIndex);
        Assert.Equal(0, shapes["ArgumentAndTokenAsync"].CancellationTokenIndex);
        Assert.Null(shapes["TokenOnlyAsync"].ArgumentType);
    }

    [Fact]
    public void Places_the_argument_and_the_token_where_the_method_declares_them()
    {
        var shape = ActorMethodShape.ForInterfaces([typeof(IValid)])["ArgumentAndTokenAsync"];
        using var cancellation = new CancellationTokenSource();

        Assert.Equal([cancellation.Token, 7], shape.BuildArguments(7, cancellation.Token));
    }

    [Theory]
    [InlineData(typeof(ITwoArguments), "more than one argument")]
    [InlineData(typeof(INotTask), "does not return Task")]
    [InlineData(typeof(IOverloaded), "overloaded")]
    public void Rejects_methods_the_json_protocol_cannot_carry(Type actorInterface, string reason)
    {
        var exception = Assert.Throws<ArgumentException>(() => ActorMethodShape.ForInterfaces([actorInterface]));

        Assert.Contains(reason, exception.Message);
    }

    [Fact]
    public void Registration_rejects_an_actor_whose_interface_breaks_the_rules()
    {
        var options = new ActorRuntimeOptions();

        Assert.Throws<ArgumentException>(() => options.Actors.RegisterActor<TwoArgumentActor>());
    }

    [Fact]
    public void Registration_rejects_a_name_used_twice()
    {
        var options = new ActorRuntimeOptions();
        options.Actors.RegisterActor<Infrastructure.PlainActor>("same");

        Assert.Throws<ArgumentException>(() => options.Actors.RegisterActor<Infrastructure.CounterActor>("same"));
    }

    private sealed class TwoArgumentActor(ActorHost host) : Actor(host), ITwoArguments
    {
        public Task AddAsync(int left, int right) => Task.CompletedTask;
    }
}
