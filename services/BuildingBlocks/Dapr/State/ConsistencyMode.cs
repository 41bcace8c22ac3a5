namespace DaprShop.Dapr;

public enum ConsistencyMode
{
    Eventual,
    Strong,
}
