namespace DaprShop.Dapr;

/// <summary>HttpContext feature set by <c>UseCloudEvents</c> when the request body was a CloudEvent.</summary>
public interface ICloudEventFeature
{
    CloudEventAttributes CloudEvent { get; }
}

internal sealed record CloudEventFeature(CloudEventAttributes CloudEvent) : ICloudEventFeature;
