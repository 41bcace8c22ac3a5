using System.Reflection;

namespace DaprShop.Actors;

/// <summary>A registered actor type: its name on the wire, its class and the interface methods daprd may call.</summary>
internal sealed class ActorTypeInformation
{
    private ActorTypeInformation(Type implementationType, string actorTypeName, IReadOnlyDictionary<string, ActorMethodShape> methods)
    {
        ImplementationType = implementationType;
        ActorTypeName = actorTypeName;
        Methods = methods;
    }

    public Type ImplementationType { get; }

    public string ActorTypeName { get; }

    public IReadOnlyDictionary<string, ActorMethodShape> Methods { get; }

    public bool IsRemindable => typeof(IRemindable).IsAssignableFrom(ImplementationType);

    public static ActorTypeInformation Create(Type implementationType, string actorTypeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorTypeName);
        if (implementationType.IsAbstract) throw new ArgumentException($"Actor type {implementationType.Name} is abstract.");
        return new ActorTypeInformation(implementationType, actorTypeName, ActorMethodShape.ForInterfaces(implementationType.GetInterfaces()));
    }

    /// <summary>
    /// A timer callback: an instance method of the actor class (any visibility, as timers are internal to the actor)
    /// returning Task and taking nothing or the timer's <c>byte[]</c> state.
    /// </summary>
    public static MethodInfo? FindTimerCallback(Type implementationType, string name) =>
        implementationType
            .GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .FirstOrDefault(method => method.Name == name
                && method.ReturnType == typeof(Task)
                && method.GetParameters() switch { [] => true, [var state] => state.ParameterType == typeof(byte[]), _ => false });
}
