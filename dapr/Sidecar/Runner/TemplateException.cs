namespace DaprShop.Sidecar.Runner;

/// <summary>A run template that cannot be run; the message names the app and the key.</summary>
internal sealed class TemplateException(string message, Exception? inner = null) : Exception(message, inner);
