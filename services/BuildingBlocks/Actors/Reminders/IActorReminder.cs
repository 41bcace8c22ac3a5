namespace DaprShop.Actors;

public interface IActorReminder
{
    string Name { get; }

    byte[] State { get; }

    TimeSpan DueTime { get; }

    TimeSpan Period { get; }
}
