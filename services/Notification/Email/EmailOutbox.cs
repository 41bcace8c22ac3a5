using DaprShop.Contracts;
using DaprShop.Dapr;

namespace DaprShop.Notification.Email;

/// <summary>
/// Sends email through the <c>email</c> output binding. With the embedded default that binding is
/// <c>bindings.localstorage</c>, which writes each message as a file under <c>.data/email</c>; <c>fileName</c>
/// names that file, so one message always lands in one predictable file and a repeated send overwrites it.
/// </summary>
internal sealed class EmailOutbox(DaprClient dapr)
{
    private const string CreateOperation = "create";

    public Task SendAsync(string fileName, string text, CancellationToken cancellationToken) =>
        dapr.InvokeBindingAsync(
            ComponentNames.EmailBinding,
            CreateOperation,
            text,
            new Dictionary<string, string> { ["fileName"] = fileName },
            cancellationToken);
}
