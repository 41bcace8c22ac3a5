namespace DaprShop.Dapr;

/// <summary>Base of every error this library raises for a failed Dapr operation (as in Dapr.Client).</summary>
public class DaprException : Exception
{
    public DaprException(string message) : base(message)
    {
    }

    public DaprException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
