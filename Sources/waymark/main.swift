import WaymarkApp

await WaymarkMain.run()
