"""hankkeet: query the 2020 TEM special grants for immigrant guidance and counselling services."""

__version__ = "0.1.0"
