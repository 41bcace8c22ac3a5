namespace DaprShop.Workflow;

/// <summary>Why an activity, child workflow or workflow failed; ErrorType is the exception's full .NET type name.</summary>
public sealed record WorkflowTaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null)
{
    public WorkflowTaskFailureDetails? InnerFailure { get; init; }

    public static WorkflowTaskFailureDetails FromException(Exception exception) =>
        new(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace)
        {
            InnerFailure = exception.InnerException is null ? null : FromException(exception.InnerException),
        };

    /// <summary>True when the failure was an exception of type <typeparamref name="T"/> or a subclass of it.</summary>
    public bool IsCausedBy<T>() where T : Exception
    {
        // The failing type may live in an assembly the workflow never references, so look it up everywhere loaded.
        var failureType = AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetType(ErrorType, throwOnError: false))
            .FirstOrDefault(type => type is not null);
        return failureType is null ? ErrorType == typeof(T).FullName : typeof(T).IsAssignableFrom(failureType);
    }
}
