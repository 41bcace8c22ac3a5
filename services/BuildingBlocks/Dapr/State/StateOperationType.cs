namespace DaprShop.Dapr;

public enum StateOperationType
{
    Upsert,
    Delete,
}
