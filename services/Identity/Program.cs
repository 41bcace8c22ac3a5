using DaprShop.Identity;
using DaprShop.Identity.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddIdentityService();

var app = builder.Build();
app.UseServiceDefaults();
app.MapAccountApi();
app.MapSessionApi();
app.MapPasswordApi();
app.MapProfileApi();
app.MapUsersApi();
app.MapJwksApi();
app.Run();
