using System.Reflection;

namespace DaprShop.Actors;

/// <summary>
/// An actor interface method as the JSON (non-remoting) actor protocol carries it: the body is the JSON of its one
/// argument (if any), the response the JSON of its Task's result (if any). A CancellationToken parameter is not on
/// the wire: the host passes the request's, a proxy forwards it to the HTTP call. Shared by dispatch and proxies
/// so both sides agree on which methods are callable.
/// </summary>
internal sealed class ActorMethodShape
{
    private readonly PropertyInfo? _taskResult;

    private ActorMethodShape(MethodInfo method)
    {
        Method = method;
        var parameters = method.GetParameters();
        CancellationTokenIndex = Array.FindIndex(parameters, parameter => parameter.ParameterType == typeof(CancellationToken));
        ArgumentIndex = Array.FindIndex(parameters, parameter => parameter.ParameterType != typeof(CancellationToken));
        ParameterCount = parameters.Length;
        ArgumentType = ArgumentIndex >= 0 ? parameters[ArgumentIndex].ParameterType : null;

        var allowedParameters = (ArgumentIndex >= 0 ? 1 : 0) + (CancellationTokenIndex >= 0 ? 1 : 0);
        if (parameters.Length != allowedParameters || parameters.Any(parameter => parameter.ParameterType.IsByRef))
        {
            throw Invalid(method, "takes more than one argument besides an optional CancellationToken");
        }

        if (method.ReturnType == typeof(Task))
        {
            ResultType = null;
        }
        else if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            ResultType = method.ReturnType.GetGenericArguments()[0];
            _taskResult = method.ReturnType.GetProperty(nameof(Task<object>.Result));
        }
        else
        {
            throw Invalid(method, "does not return Task or Task<T>");
        }

        if (method.IsGenericMethodDefinition) throw Invalid(method, "is generic");
    }

    public MethodInfo Method { get; }

    public string Name => Method.Name;

    /// <summary>The type of the JSON body, or null when the method takes no argument.</summary>
    public Type? ArgumentType { get; }

    public int ArgumentIndex { get; }

    public int CancellationTokenIndex { get; }

    public int ParameterCount { get; }

    /// <summary>The type of the JSON response, or null for a plain Task.</summary>
    public Type? ResultType { get; }

    /// <summary>The callable methods of every actor interface among <paramref name="interfaces"/>, by name.</summary>
    /// <exception cref="ArgumentException">A method breaks the rules, or two methods share a name (the wire carries only the name).</exception>
    public static IReadOnlyDictionary<string, ActorMethodShape> ForInterfaces(IEnumerable<Type> interfaces)
    {
        var shapes = new Dictionary<string, ActorMethodShape>(StringComparer.Ordinal);
        foreach (var method in interfaces.Where(IsActorInterface).Distinct().SelectMany(type => type.GetMethods()))
        {
            if (!shapes.TryAdd(method.Name, new ActorMethodShape(method)))
            {
                throw Invalid(method, "is overloaded; actor methods are called by name, so names must be unique");
            }
        }

        return shapes;
    }

    public object?[] BuildArguments(object? argument, CancellationToken cancellationToken)
    {
        var arguments = new object?[ParameterCount];
        if (ArgumentIndex >= 0) arguments[ArgumentIndex] = argument;
        if (CancellationTokenIndex >= 0) arguments[CancellationTokenIndex] = cancellationToken;
        return arguments;
    }

    /// <summary>Runs the method on <paramref name="target"/> and returns its Task's result (null for a plain Task).</summary>
    public async Task<object?> InvokeAsync(object target, object? argument, CancellationToken cancellationToken)
    {
        var task = (Task)Method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, BuildArguments(argument, cancellationToken), null)!;
        await task;
        return _taskResult?.GetValue(task);
    }

    private static bool IsActorInterface(Type type) => type.IsInterface && type != typeof(IActor) && typeof(IActor).IsAssignableFrom(type);

    private static ArgumentException Invalid(MethodInfo method, string problem) =>
        new($"Actor method {method.DeclaringType?.Name}.{method.Name} {problem}.");
}
