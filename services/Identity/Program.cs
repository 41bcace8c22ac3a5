using DaprShop.Actors;
using DaprShop.Identity;
using DaprShop.Identity.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddIdentityService();

var app = builder.Build();
app.UseServiceDefaults();
app.MapActorsHandlers();
app.MapIdentityEndpoints();
app.Run();
