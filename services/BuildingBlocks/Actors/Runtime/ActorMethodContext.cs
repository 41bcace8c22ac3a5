namespace DaprShop.Actors;

public sealed record ActorMethodContext(string MethodName, ActorCallType CallType);
