from config.settings.base import *  # noqa: F403
from config.settings.base import env

DEBUG = env.bool("ORTAK_DEBUG", default=True)
