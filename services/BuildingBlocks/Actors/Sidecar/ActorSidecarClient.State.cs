using System.Net;
using DaprShop.Dapr;

namespace DaprShop.Actors;

internal sealed partial class ActorSidecarClient
{
    public async Task<byte[]?> TryLoadStateAsync(string actorType, string actorId, string stateName, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ActorUri(actorType, actorId, $"state/{SidecarUri.Segment(stateName)}"));
        using var response = await SendToSidecarAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return body.Length == 0 ? null : body;
    }

    /// <summary>One POST with the bare JSON array of upserts and deletes daprd's actor state API expects.</summary>
    public async Task SaveStateAsync(string actorType, string actorId, IReadOnlyList<ActorStateChange> changes, CancellationToken cancellationToken)
    {
        var body = WireJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var change in changes)
            {
                writer.WriteStartObject();
                writer.WriteString("operation", change.ChangeKind == StateChangeKind.Remove ? "delete" : "upsert");
                writer.WriteStartObject("request");
                writer.WriteString("key", change.StateName);
                if (change.Value is not null)
                {
                    writer.WritePropertyName("value");
                    writer.WriteRawValue(change.Value, skipInputValidation: true);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, ActorUri(actorType, actorId, "state")) { Content = JsonContent(body) };
        using var response = await SendToSidecarAsync(request, cancellationToken);
    }
}
