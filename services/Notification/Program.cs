using DaprShop.Notification;
using DaprShop.Notification.Events;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddNotification();

var app = builder.Build();
app.UseServiceDefaults();
app.MapEventSubscriptions();
app.Run();
