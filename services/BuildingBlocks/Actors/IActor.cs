namespace DaprShop.Actors;

/// <summary>Marker for actor interfaces: methods return Task or Task&lt;T&gt; and take zero or one argument (JSON).</summary>
public interface IActor;
