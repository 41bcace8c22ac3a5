using System.Text.Json.Serialization;

namespace DaprShop.Workflow;

/// <summary>
/// Dapr .NET HEAD's numbering (the proto's values plus Unknown and Stalled). Persisted and serialized by name,
/// because older SDKs used different numbers.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowRuntimeStatus>))]
public enum WorkflowRuntimeStatus
{
    Unknown = -1,
    Running = 0,
    Completed = 1,
    ContinuedAsNew = 2,
    Failed = 3,
    Canceled = 4,
    Terminated = 5,
    Pending = 6,
    Suspended = 7,
    Stalled = 8,
}
