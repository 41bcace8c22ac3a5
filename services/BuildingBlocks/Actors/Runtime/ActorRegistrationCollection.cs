namespace DaprShop.Actors;

public sealed class ActorRegistrationCollection
{
    private readonly Dictionary<string, ActorTypeInformation> _registrations = new(StringComparer.Ordinal);

    internal IReadOnlyCollection<ActorTypeInformation> Registrations => _registrations.Values;

    /// <summary>Registers an actor type under its class name or <paramref name="typeName"/>.</summary>
    /// <exception cref="ArgumentException">The name is taken, or an actor interface method breaks the rules of <see cref="IActor"/>.</exception>
    public void RegisterActor<TActor>(string? typeName = null) where TActor : Actor
    {
        var information = ActorTypeInformation.Create(typeof(TActor), typeName ?? typeof(TActor).Name);
        if (!_registrations.TryAdd(information.ActorTypeName, information))
        {
            throw new ArgumentException($"An actor type named '{information.ActorTypeName}' is already registered.", nameof(typeName));
        }
    }
}
