namespace DaprShop.Actors;

public enum ActorCallType
{
    ActorInterfaceMethod,
    TimerMethod,
    ReminderMethod,
}
