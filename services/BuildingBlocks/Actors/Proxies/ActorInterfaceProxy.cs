using System.Collections.Concurrent;
using System.Reflection;

namespace DaprShop.Actors;

/// <summary>
/// The <see cref="DispatchProxy"/> behind typed proxies: each interface call becomes one JSON actor call (see
/// <see cref="ActorMethodShape"/>). Not sealed: DispatchProxy derives a generated type from it.
/// </summary>
internal class ActorInterfaceProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<MethodInfo, ActorMethodShape>> ShapesByInterface = new();

    private static readonly MethodInfo ReadResultDefinition =
        typeof(ActorInterfaceProxy).GetMethod(nameof(ReadResultAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private HttpActorProxy? _target;
    private IReadOnlyDictionary<MethodInfo, ActorMethodShape> _shapes = new Dictionary<MethodInfo, ActorMethodShape>();

    internal static IReadOnlyDictionary<MethodInfo, ActorMethodShape> ShapesOf(Type actorInterface) =>
        ShapesByInterface.GetOrAdd(
            actorInterface,
            type => ActorMethodShape.ForInterfaces([type, .. type.GetInterfaces()]).Values.ToDictionary(shape => shape.Method));

    internal void Initialize(HttpActorProxy target, IReadOnlyDictionary<MethodInfo, ActorMethodShape> shapes)
    {
        _target = target;
        _shapes = shapes;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var target = _target ?? throw new InvalidOperationException("The actor proxy was not initialized.");
        if (!_shapes.TryGetValue(targetMethod, out var shape))
        {
            throw new NotSupportedException($"{targetMethod.DeclaringType?.Name}.{targetMethod.Name} is not an actor method.");
        }

        var argument = shape.ArgumentIndex >= 0 ? args![shape.ArgumentIndex] : null;
        var cancellationToken = shape.CancellationTokenIndex >= 0 ? (CancellationToken)args![shape.CancellationTokenIndex]! : CancellationToken.None;
        var response = target.InvokeAsync(shape.Name, argument, shape.ArgumentType, cancellationToken);
        return shape.ResultType is null ? response : ReadResultDefinition.MakeGenericMethod(shape.ResultType).Invoke(null, [target, shape.Name, response]);
    }

    private static async Task<T> ReadResultAsync<T>(HttpActorProxy target, string method, Task<byte[]> response) =>
        target.Deserialize<T>(method, await response);
}
