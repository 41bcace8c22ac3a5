namespace DaprShop.Actors;

internal sealed record ActorReminder(string Name, byte[] State, TimeSpan DueTime, TimeSpan Period) : IActorReminder;
